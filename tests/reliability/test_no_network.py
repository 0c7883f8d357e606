"""No network: importing a web page fetches nothing and runs nothing, and neither does
exporting.

Two nets. Python's socket functions are replaced by ones that record the attempt and
fail, which catches anything written in Python (trafilatura, urllib, requests). Code
in C (libxml2, Qt) does not go through them, so the page also points at a listening
socket of our own on 127.0.0.1: any fetch of it, from any code, is a connection there.
"""

from __future__ import annotations

import socket
import threading

import pytest

from store.core import appearances, settings
from store.core.project import Project
from store.exchange import exporting, importing

ARTICLE = "قال المتحدث إن المعاهدة الجديدة أقوى معاهدة على الإطلاق، وفق البيان الرسمي."


class Canary(threading.Thread):
    """A TCP listener on 127.0.0.1 that counts the connections made to it."""

    def __init__(self):
        super().__init__(daemon=True)
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.visits: list[bytes] = []
        self.stopping = threading.Event()
        self.start()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            conn.settimeout(0.5)
            try:
                self.visits.append(conn.recv(200) or b"(connected)")
            except OSError:
                self.visits.append(b"(connected)")
            conn.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(5)
        self.server.close()


def page(port: int) -> str:
    here = f"http://127.0.0.1:{port}"
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{here}/dtd">
<html lang="ar"><head><meta charset="utf-8"><title>المعاهدة</title>
<base href="{here}/base/">
<meta http-equiv="refresh" content="0; url={here}/refresh">
<meta property="og:image" content="{here}/og.png">
<meta property="og:url" content="{here}/og-url">
<link rel="stylesheet" href="{here}/style.css"><link rel="stylesheet" href="https://evil.example/s.css">
<link rel="canonical" href="{here}/canonical"><link rel="preload" href="{here}/preload">
<link rel="icon" href="{here}/favicon.ico">
<script src="{here}/script.js"></script><script src="https://evil.example/x.js"></script>
<script>fetch("{here}/inline-js"); new Image().src = "{here}/beacon";</script>
<style>@import url("{here}/import.css"); body {{ background: url("{here}/bg.png") }}</style>
</head><body onload="fetch('{here}/onload')">
<nav><a href="javascript:fetch('{here}/js-link')">القائمة</a></nav>
<article><h1>المعاهدة الجديدة</h1>
<p>{ARTICLE}</p>
<img src="{here}/img.png" srcset="{here}/img2.png 2x" onerror="fetch('{here}/onerror')">
<img src="https://evil.example/pixel.gif"><picture><source srcset="{here}/source.webp"></picture>
<iframe src="{here}/iframe"></iframe><object data="{here}/object"></object>
<video poster="{here}/poster.jpg" src="{here}/video.mp4"></video><audio src="{here}/a.mp3"></audio>
<embed src="{here}/embed"><svg><image href="{here}/svg.png"/></svg>
<p style="background-image: url({here}/inline.png)">{ARTICLE}</p>
<form action="{here}/form"><input type="image" src="{here}/input.png"></form>
</article></body></html>"""


@pytest.fixture
def offline(monkeypatch):
    """Python's ways out, each recording the attempt and failing; and the canary."""
    attempts: list[str] = []

    def refuse(name):
        def refused(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"test: no network ({name})")
        return refused

    canary = Canary()
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts, canary
    canary.stop()


def test_import_and_export_fetch_nothing(offline, tmp_path, qtbot, errors):
    attempts, canary = offline
    source = tmp_path / "page.html"
    source.write_text(page(canary.port), encoding="utf-8")
    with Project.open(tmp_path / "project.tahqiq", "tester") as project:
        outcome = importing.import_file(project, source)
        article = outcome.article
        assert ARTICLE in article.text and "fetch" not in article.text
        assert "127.0.0.1" not in article.text
        start = article.text.index("أقوى")
        appearances.create_claim(project, article.id, start, start + 4, "disputed",
                            note="=HYPERLINK(\"http://127.0.0.1\")",
                            sources=[f"http://127.0.0.1:{canary.port}/source"])
        settings.update_settings(project, organization="Desk",
                                 url_template="https://desk.example/{id}")
        for fmt in exporting.FORMATS:
            exporting.export_file(project, fmt, tmp_path / f"export.{fmt}")
        exporting.export_packet(project, article.id, "html", tmp_path / "packet.html")
        exporting.export_packet(project, article.id, "pdf", tmp_path / "packet.pdf")
    assert (tmp_path / "packet.pdf").stat().st_size > 1000

    from gui.app import create_window

    window = create_window(tmp_path / "project.tahqiq")  # and showing the article in the app
    qtbot.addWidget(window)
    assert window.current_article == article.id
    qtbot.wait(200)  # time for anything the reader might load
    window.close()

    assert attempts == []
    assert canary.visits == []
    assert errors == []
