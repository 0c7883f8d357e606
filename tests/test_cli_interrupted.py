"""The command line stopped: Ctrl-C (SIGINT). What it leaves behind (rv210)."""

from __future__ import annotations

import io
import sqlite3

import pytest

from store.cli.main import main
from store.core import articles, schema
from store.exchange import seeding


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.tahqiq"
    with seeding.open_or_create(path, "samira") as opened:
        article = articles.list_articles(opened)[0]["id"]
    return path, article


def test_a_copy_for_an_older_tahqiq_cut_short_leaves_nothing_and_can_be_made_again(
        project, monkeypatch, capsys):
    """Ctrl-C as the copy was stamped with the older schema left the file at this
    version's (which the colleague's Tahqiq refuses as newer), and the next try was
    refused «there already»."""
    path, _ = project
    target = path.parent / "for-chadi.tahqiq"
    real, opened = sqlite3.connect, []

    def connect(*args, **kwargs):
        if "for-chadi" in str(args[0]):
            opened.append(args[0])
        if len(opened) == 2:  # (the copy's backup, then the one that stamps it)
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    assert run("copy-for-older", str(target), "--project", str(path)) == (130, "")
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["p.tahqiq"]
    monkeypatch.setattr(sqlite3, "connect", real)
    assert run("copy-for-older", str(target), "--project", str(path)) == (0, f"{target}\n")
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.READABLE_SINCE
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["for-chadi.tahqiq", "p.tahqiq"]

